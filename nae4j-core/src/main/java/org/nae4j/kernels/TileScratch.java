package org.nae4j.kernels;

/**
 * One scratch slot of a pass over tiles: a tile's results, its entries (rows, with the frames each covers),
 * the entries selected for a group of frames, and a block's row offsets. A slot is used by one thread at a
 * time; passes keep one per part or per worker, so a pass allocates nothing.
 */
final class TileScratch {
    /** Results: row i of the tile at buf[i·TILE + (n − n0)]. */
    final float[] buf;
    final int[] rows;
    final int[] from;
    final int[] to;
    /** Indices into the lists above, for the group of frames at hand. */
    final int[] sel;
    /** Offsets of a block's rows in A and in C. */
    final int[] aRow;
    final int[] cRow;
    /** Work space of {@link BlockKernel#dots}. */
    final float[] dotWork = new float[BlockKernel.DOT_WORK];

    /**
     * @param rows      the most entries a tile has (the pattern's rows)
     * @param blockRows the most rows a block has
     */
    TileScratch(int rows, int blockRows) {
        this.buf = new float[rows * MaskedOps.TILE];
        this.rows = new int[rows];
        this.from = new int[rows];
        this.to = new int[rows];
        this.sel = new int[rows];
        this.aRow = new int[blockRows];
        this.cRow = new int[blockRows];
    }

    static TileScratch[] slots(int count, int rows, int blockRows) {
        TileScratch[] s = new TileScratch[count];
        for (int i = 0; i < count; i++) {
            s[i] = new TileScratch(rows, blockRows);
        }
        return s;
    }
}
