/**
 * The regime overlay: from the market's volatility, trend and breadth, decides each day whether
 * an index is RISK_ON, NEUTRAL or RISK_OFF and what fraction it holds in its stablecoin sleeve,
 * with the evidence recorded. Pure computation on a {@code MarketPanel}; see {@code
 * docs/regime-overlay.md}.
 */
package dev.ballast.rebalancer.regime;
