/**
 * A read-only columnar view of a {@link dev.ballast.ratings.grade.MarketPanel} with the rolling
 * statistics the index rules and the stablecoin sleeve read on every rebalance, so that a backtest
 * copies each column once instead of once per asset per rebalance.
 */
package dev.ballast.rebalancer.panel;
