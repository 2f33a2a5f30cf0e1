/**
 * Stablecoin peg health: per coin and day, deviation from the peg and from the other stablecoins,
 * trailing windows, days off peg, liquidity, and a status ON_PEG / WATCH / DEPEG (UNKNOWN where the
 * data cannot judge). Start at {@link dev.ballast.ratings.peg.PegMonitor}; the methodology is in
 * {@code docs/methodology.md}.
 */
package dev.ballast.ratings.peg;
