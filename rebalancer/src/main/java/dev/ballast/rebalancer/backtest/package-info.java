/**
 * Backtests of index definitions on a {@link dev.ballast.rebalancer.engine.MarketContext}: daily
 * steps, scheduled and off-cycle rebalances through {@link
 * dev.ballast.rebalancer.engine.IndexEngine}, metrics, benchmarks, JSON and an HTML report. See
 * {@code docs/backtesting.md}.
 */
package dev.ballast.rebalancer.backtest;
