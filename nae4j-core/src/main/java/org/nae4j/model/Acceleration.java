package org.nae4j.model;

import org.nae4j.io.InvalidOptionException;

/**
 * Accelerated multiplicative updates for NMF (Gillis and Glineur, "Accelerated multiplicative updates and
 * hierarchical ALS algorithms for nonnegative matrix factorization", Neural Computation 24(4), 2012): per
 * pass over V, H is updated up to ⌊1 + α·ρ_H⌋ times with the same WᵀV and WᵀW, then W up to ⌊1 + α·ρ_W⌋
 * times with the same V Hᵀ and H Hᵀ, where ρ = 1 + ⌊cost of those products / cost of one inner update⌋
 * (their formulas, with V taken as dense). An inner loop stops early once an update changes its factor by at most δ times the first one did
 * (‖ΔX_l‖_F ≤ δ ‖ΔX_1‖_F); H's rule is applied per tile of 32 frames, whose columns are independent
 * subproblems. The fixed points are those of the plain updates, and zeros stay exactly zero.
 *
 * @param alpha how many inner updates relative to their cost, ≥ 0; 0 gives the plain updates (one each)
 * @param delta the relative change that stops an inner loop, in [0, 1)
 */
public record Acceleration(double alpha, double delta) {
    /** The paper's plain multiplicative updates: one update of H and one of W per iteration. */
    public static final Acceleration NONE = new Acceleration(0, 0);
    /**
     * α = 0.5, δ = 0.1: on the shared pieces α = 0.5 reached plain MU's loss sooner than the α = 2 that Gillis
     * and Glineur suggest for dense data (docs/performance.md, time to accuracy).
     */
    public static final Acceleration DEFAULT = new Acceleration(0.5, 0.1);

    public Acceleration {
        if (!(alpha >= 0 && alpha <= 1000)) {
            throw new InvalidOptionException("alpha", "acceleration alpha", "must be in [0, 1000], got " + alpha);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new InvalidOptionException("delta", "acceleration delta", "must be in [0, 1), got " + delta);
        }
    }

    /** Whether this is the plain update (one inner update each). */
    public boolean plain() {
        return alpha == 0;
    }

    /** The most updates of H per pass: ρ_H = 1 + ⌊(K·N + K·R) / (N·(R + 1))⌋. */
    public int innerH(int k, int r, int n) {
        return inner((double) k * n + (double) k * r, (double) n * (r + 1));
    }

    /** The most updates of W per pass: ρ_W = 1 + ⌊(K·N + N·R) / (K·(R + 1))⌋. */
    public int innerW(int k, int r, int n) {
        return inner((double) k * n + (double) n * r, (double) k * (r + 1));
    }

    private int inner(double productCost, double updateCost) {
        if (plain() || updateCost == 0) {
            return 1;
        }
        double rho = 1 + Math.floor(productCost / updateCost);
        return (int) Math.max(1, Math.min(1000, Math.floor(1 + alpha * rho)));
    }
}
