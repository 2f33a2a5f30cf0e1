/**
 * Trading signals (+1 / 0 / −1) from trader-grade crossings with hysteresis, and the return of
 * following them against holding: see {@link dev.ballast.ratings.signal.Signals}.
 */
package dev.ballast.ratings.signal;
