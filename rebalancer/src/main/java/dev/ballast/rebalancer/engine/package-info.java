/**
 * The rebalance engine shared by the scheduler and the backtester: one {@link
 * dev.ballast.rebalancer.engine.IndexEngine#decide decision} takes an index definition, the market
 * up to a day ({@link dev.ballast.rebalancer.engine.MarketContext}) and the current holdings, and
 * returns the regime, the combined target weights of the risk and stablecoin sleeves and the
 * orders. Pure computation: no database, no clock, no scheduler.
 */
package dev.ballast.rebalancer.engine;
