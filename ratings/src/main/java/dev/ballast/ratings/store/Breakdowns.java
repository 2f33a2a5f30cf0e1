package dev.ballast.ratings.store;

import dev.ballast.ratings.grade.FactorScore;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a grade's factor breakdown as compact text, {@code factor=raw,percentile,weight,
 * contribution;...}: a row per asset and day adds up over years of history, and a JSON object
 * per factor would about double its size. Numbers round-trip exactly; missing ones are {@code
 * NaN}.
 */
final class Breakdowns {

  private Breakdowns() {}

  static String encode(List<FactorScore> scores) {
    StringBuilder text = new StringBuilder(scores.size() * 48);
    for (FactorScore s : scores) {
      if (!text.isEmpty()) {
        text.append(';');
      }
      text.append(s.factor()).append('=').append(number(s.raw())).append(',')
          .append(number(s.percentile())).append(',').append(number(s.weight())).append(',')
          .append(number(s.contribution()));
    }
    return text.toString();
  }

  static List<FactorScore> decode(String text) {
    List<FactorScore> scores = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return scores;
    }
    for (String item : text.split(";")) {
      int eq = item.indexOf('=');
      String[] v = item.substring(eq + 1).split(",");
      scores.add(new FactorScore(item.substring(0, eq), Double.parseDouble(v[0]),
          Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3])));
    }
    return scores;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
