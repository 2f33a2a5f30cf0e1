/**
 * Reading files of daily price history — CoinGecko exports, Yahoo Finance downloads, Binance
 * klines — into {@link dev.ballast.core.importer.ParsedHistory}: pure parsing, no database.
 * Entry point {@link dev.ballast.core.importer.HistoryFiles}; rules in {@code docs/importing.md}.
 */
package dev.ballast.core.importer;
