/** Index methodology, the regime overlay, orders, backtests and scheduling. */
package dev.ballast.rebalancer;
