/** Indicators, trader and investor grades, stablecoin peg health and signals. */
package dev.ballast.ratings;
