package dev.ballast.rebalancer.backtest;

import dev.ballast.core.asset.AssetId;
import dev.ballast.rebalancer.engine.Decision;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * A backtest as one self-contained HTML page: no script, no external style sheet or font, charts
 * as inline SVG, so that the file can be mailed or archived and opens the same anywhere. Sections:
 * metrics table, equity curves of the index and its benchmarks on a log scale, drawdowns, the
 * index's stablecoin share, warnings, and every rebalance. Stateless and thread-safe.
 */
public final class BacktestReport {

  private static final String[] COLOURS = {"#1f5fbf", "#e08a00", "#6b6b6b", "#2e8b57", "#b03060"};
  private static final int WIDTH = 960;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 16;
  private static final int BOTTOM = 28;

  private BacktestReport() {}

  public static String html(BacktestResult r) {
    StringBuilder h = new StringBuilder(64 * 1024);
    String title = "Backtest of " + r.definition().name() + " (" + r.index().value() + "), "
        + r.from() + " to " + r.to();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;")
        .append("margin:24px auto;max-width:1000px;padding:0 16px;color:#222}")
        .append("h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;")
        .append("border-bottom:1px solid #ddd;padding-bottom:4px}")
        .append(".sub{color:#666;margin-top:0}")
        .append("table{border-collapse:collapse;width:100%;font-size:13px}")
        .append("th,td{padding:4px 8px;border-bottom:1px solid #eee;text-align:right;")
        .append("vertical-align:top}th{background:#f6f6f6}")
        .append("td.l,th.l{text-align:left}tr.first td{font-weight:600}")
        .append(".warn{background:#fff7e0;border-left:4px solid #e0a800;padding:8px 12px;")
        .append("margin:6px 0}.legend span{margin-right:18px;white-space:nowrap}")
        .append(".sw{display:inline-block;width:14px;height:3px;vertical-align:middle;")
        .append("margin-right:6px}svg{width:100%;height:auto;background:#fff}")
        .append(".small{color:#666;font-size:12px}")
        .append("</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">")
        .append(esc(r.definition().description())).append("<br>Overlay ")
        .append(r.definition().regimeOverlay() ? "on" : "off").append(", calendar <code>")
        .append(esc(r.definition().rebalanceCron())).append("</code> (UTC), fee ")
        .append(fmt(r.definition().feeBps(), 1)).append(" bps, drift band ")
        .append(pct(r.definition().driftBand())).append(", initial value ")
        .append(usd(capital(r))).append(".</p>\n");

    if (!r.warnings().isEmpty()) {
      h.append("<h2>Warnings</h2>\n");
      for (String w : r.warnings()) {
        h.append("<div class=\"warn\">").append(esc(w)).append("</div>\n");
      }
    }

    h.append("<h2>Metrics</h2>\n<table><tr><th class=\"l\">series</th><th>total return</th>")
        .append("<th>CAGR</th><th>volatility</th><th>Sharpe</th><th>Sortino</th>")
        .append("<th>max drawdown</th><th>Calmar</th><th>turnover / yr</th><th>fees</th>")
        .append("<th>in stablecoins</th><th>final value</th></tr>\n");
    boolean first = true;
    for (BacktestResult.Series s : r.series()) {
      Metrics m = s.metrics();
      h.append(first ? "<tr class=\"first\">" : "<tr>").append("<td class=\"l\">")
          .append(esc(s.name())).append("</td><td>").append(pct(m.totalReturn()))
          .append("</td><td>").append(pct(m.cagr())).append("</td><td>")
          .append(pct(m.volatility())).append("</td><td>").append(fmt(m.sharpe(), 2))
          .append("</td><td>").append(fmt(m.sortino(), 2)).append("</td><td>")
          .append(pct(m.maxDrawdown())).append("</td><td>").append(fmt(m.calmar(), 2))
          .append("</td><td>").append(fmt(m.turnover(), 2)).append("</td><td>")
          .append(usd(m.feesPaid())).append("</td><td>").append(pct(m.timeInStablecoins()))
          .append("</td><td>").append(usd(m.finalValue())).append("</td></tr>\n");
      first = false;
    }
    h.append("</table>\n<p class=\"small\">Daily values at the closes; volatility, Sharpe and")
        .append(" Sortino annualised with 365 days, risk-free rate 0; max drawdown as a")
        .append(" positive fall from the running peak; turnover one-way, annualised, after the")
        .append(" inception; \"in stablecoins\" is the average stablecoin weight. Definitions in")
        .append(" docs/backtesting.md.</p>\n");

    h.append("<h2>Value (log scale)</h2>\n").append(legend(r));
    double[][] curves = new double[r.series().size()][];
    for (int i = 0; i < curves.length; i++) {
      curves[i] = r.series().get(i).equity();
    }
    h.append(chart(r.from(), curves, true, false));

    h.append("<h2>Drawdown</h2>\n").append(legend(r));
    double capital = capital(r);
    double[][] drawdowns = new double[curves.length][];
    for (int i = 0; i < curves.length; i++) {
      drawdowns[i] = drawdown(curves[i], capital);
    }
    h.append(chart(r.from(), drawdowns, false, true));

    h.append("<h2>Stablecoin share of ").append(esc(r.index().value())).append("</h2>\n");
    h.append(chart(r.from(), new double[][] {r.indexSeries().stablecoinWeight()}, false, true));

    h.append("<h2>Rebalances (").append(r.rebalances().size()).append(")</h2>\n")
        .append("<table><tr><th class=\"l\">market day</th><th class=\"l\">trigger</th>")
        .append("<th class=\"l\">regime</th><th>stablecoin fraction</th>")
        .append("<th class=\"l\">weights after</th><th>orders</th><th>fees</th>")
        .append("<th class=\"l\">reason and notes</th></tr>\n");
    for (Decision d : r.rebalances()) {
      h.append("<tr><td class=\"l\">").append(d.marketDay()).append("</td><td class=\"l\">")
          .append(d.trigger()).append("</td><td class=\"l\">").append(d.regime())
          .append("</td><td>").append(pct(d.stablecoinFraction())).append("</td><td class=\"l\">")
          .append(esc(weights(Decision.orderedWeights(d.plan().weightsAfter()))))
          .append("</td><td>").append(d.plan().orders().size()).append("</td><td>")
          .append(usd(d.plan().feesPaid().doubleValue())).append("</td><td class=\"l\">")
          .append(esc(d.reason()));
      for (String note : d.notes()) {
        h.append("<br><span class=\"small\">").append(esc(note)).append("</span>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</table>\n</body></html>\n");
    return h.toString();
  }

  private static double capital(BacktestResult r) {
    // V₀ from the index's first return is not kept; totalReturn and the final value give it.
    Metrics m = r.indexSeries().metrics();
    return m.finalValue() / (1 + m.totalReturn());
  }

  private static double[] drawdown(double[] equity, double capital) {
    double[] out = new double[equity.length];
    double peak = capital;
    for (int i = 0; i < equity.length; i++) {
      peak = Math.max(peak, equity[i]);
      out[i] = -(1 - equity[i] / peak);
    }
    return out;
  }

  private static String legend(BacktestResult r) {
    StringBuilder s = new StringBuilder("<div class=\"legend\">");
    for (int i = 0; i < r.series().size(); i++) {
      BacktestResult.Series series = r.series().get(i);
      s.append("<span><i class=\"sw\" style=\"background:").append(COLOURS[i % COLOURS.length])
          .append("\"></i>").append(esc(series.name())).append(" <span class=\"small\">")
          .append(esc(series.description())).append("</span></span>");
    }
    return s.append("</div>\n").toString();
  }

  /** A line chart of curves sharing a day axis from {@code start}. */
  private static String chart(LocalDate start, double[][] curves, boolean log,
      boolean percent) {
    int n = curves[0].length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] c : curves) {
      for (double v : c) {
        if (Double.isFinite(v) && (!log || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (percent) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, lo < 0 ? 0 : 1);
    }
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double yLo = log ? Math.log10(lo) : lo;
    double yHi = log ? Math.log10(hi) : hi;
    double pad = (yHi - yLo) * 0.04;
    yLo -= log ? pad : 0;
    yHi += pad;
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder s = new StringBuilder();
    s.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"11\" fill=\"#555\">");
    // Horizontal grid and labels.
    for (double tick : ticks(yLo, yHi, log)) {
      double y = TOP + plotH * (1 - ((log ? Math.log10(tick) : tick) - yLo) / (yHi - yLo));
      s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y, 1)).append("\" y2=\"").append(fmt(y, 1))
          .append("\" stroke=\"#e6e6e6\"/><text x=\"").append(LEFT - 6).append("\" y=\"")
          .append(fmt(y + 4, 1)).append("\" text-anchor=\"end\">")
          .append(percent ? pct(tick) : compact(tick)).append("</text>");
    }
    // Year ticks.
    LocalDate end = start.plusDays(n - 1L);
    for (int year = start.getYear() + (start.getDayOfYear() == 1 ? 0 : 1);
        year <= end.getYear(); year++) {
      long day = LocalDate.of(year, 1, 1).toEpochDay() - start.toEpochDay();
      double x = LEFT + plotW * (n == 1 ? 0 : (double) day / (n - 1));
      s.append("<line x1=\"").append(fmt(x, 1)).append("\" x2=\"").append(fmt(x, 1))
          .append("\" y1=\"").append(TOP).append("\" y2=\"").append(TOP + plotH)
          .append("\" stroke=\"#f0f0f0\"/><text x=\"").append(fmt(x, 1)).append("\" y=\"")
          .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(year).append("</text>");
    }
    s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"")
        .append(plotW).append("\" height=\"").append(plotH)
        .append("\" fill=\"none\" stroke=\"#ccc\"/>");
    for (int c = curves.length - 1; c >= 0; c--) {
      s.append("<polyline fill=\"none\" stroke-width=\"").append(c == 0 ? "1.8" : "1.2")
          .append("\" stroke=\"").append(COLOURS[c % COLOURS.length]).append("\" points=\"");
      for (int i = 0; i < n; i++) {
        double v = curves[c][i];
        if (!Double.isFinite(v) || (log && v <= 0)) {
          continue;
        }
        double x = LEFT + plotW * (n == 1 ? 0 : (double) i / (n - 1));
        double y = TOP + plotH * (1 - ((log ? Math.log10(v) : v) - yLo) / (yHi - yLo));
        s.append(fmt(x, 1)).append(',').append(fmt(y, 1)).append(' ');
      }
      s.append("\"/>");
    }
    return s.append("</svg>\n").toString();
  }

  private static double[] ticks(double lo, double hi, boolean log) {
    if (log) {
      java.util.List<Double> out = new java.util.ArrayList<>();
      for (int e = (int) Math.floor(lo); e <= Math.ceil(hi); e++) {
        for (double m : new double[] {1, 2, 5}) {
          double v = m * Math.pow(10, e);
          double lv = Math.log10(v);
          if (lv >= lo && lv <= hi) {
            out.add(v);
          }
        }
      }
      return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
    double step = Math.pow(10, Math.floor(Math.log10((hi - lo) / 4)));
    if ((hi - lo) / step > 10) {
      step *= 2.5;
    }
    double t = Math.ceil(lo / step) * step;
    java.util.List<Double> out = new java.util.ArrayList<>();
    for (; t <= hi + 1e-12; t += step) {
      out.add(Math.abs(t) < 1e-12 ? 0 : t);
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static String weights(Map<AssetId, Double> w) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<AssetId, Double> e : w.entrySet()) {
      s.append(s.isEmpty() ? "" : ", ").append(e.getKey().symbol()).append(' ')
          .append(pct(e.getValue()));
    }
    return s.isEmpty() ? "cash" : s.toString();
  }

  private static String compact(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return fmt(v / 1e9, a >= 1e10 ? 0 : 1) + "B";
    }
    if (a >= 1e6) {
      return fmt(v / 1e6, a >= 1e7 ? 0 : 1) + "M";
    }
    if (a >= 1e3) {
      return fmt(v / 1e3, a >= 1e4 ? 0 : 1) + "k";
    }
    return fmt(v, 0);
  }

  private static String usd(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "$%,.0f", v) : "–";
  }

  private static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
  }

  private static String fmt(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
