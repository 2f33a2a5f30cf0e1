/**
 * Orders that move a portfolio from its holdings to target weights, trading only the difference.
 * Money and quantities are {@code BigDecimal}; weights are {@code double}.
 */
package dev.ballast.rebalancer.order;
