/**
 * Technical and risk indicators as pure functions over {@code double[]} columns: see {@link
 * dev.ballast.ratings.indicator.Indicators} for the conventions on warm-up, missing values and
 * annualisation.
 */
package dev.ballast.ratings.indicator;
