/**
 * Optimizers that update any parameter array from its gradient (SGD, Adam, RMSprop), separate from the
 * models that compute the gradients; one {@link org.nae4j.optim.Optimizer} instance per parameter array.
 */
package org.nae4j.optim;
