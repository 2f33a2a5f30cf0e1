package dev.ballast.core.importer;

/**
 * The kinds of daily-history file Ballast can import. {@link HistoryFiles#parse} tells them
 * apart by their first line; see {@code docs/importing.md} for the rules of each.
 */
public enum SourceFormat {
  /** CoinGecko's "-usd-max.csv" export: {@code snapped_at,price,market_cap,total_volume}. */
  COINGECKO,
  /** Yahoo Finance's daily download: {@code Date,Open,High,Low,Close,Adj Close,Volume}. */
  YAHOO,
  /** A data.binance.vision kline file: 12 columns from {@code open_time}, header optional. */
  BINANCE
}
