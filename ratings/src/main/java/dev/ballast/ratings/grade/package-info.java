/**
 * Trader and investor grades, 0–100: factors computed per asset with the indicator functions,
 * ranked across the universe each day, and combined with configurable weights; stablecoins get an
 * investor grade from peg stability, collateral and liquidity instead. Entry point {@link
 * dev.ballast.ratings.grade.Grader#gradeAll}; the methodology, every number and its reasoning, is
 * in docs/methodology.md. Pure computation: no database, no clock.
 */
package dev.ballast.ratings.grade;
