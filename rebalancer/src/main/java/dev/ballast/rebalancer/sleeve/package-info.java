/**
 * The stablecoin sleeve: which stablecoins the regime overlay's stablecoin fraction goes into, and
 * when a depeg forces an off-cycle rotation. See {@code docs/regime-overlay.md}.
 */
package dev.ballast.rebalancer.sleeve;
