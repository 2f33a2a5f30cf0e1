package dev.ballast.rebalancer.portfolio;

import dev.ballast.core.portfolio.CustomWeights;
import dev.ballast.rebalancer.index.IndexId;
import java.util.Objects;

/**
 * What a portfolio rebalances towards: nothing, the weights of an index it follows, or custom
 * weights. Lives beside the rebalancer's {@link IndexId} rather than in {@code core.portfolio},
 * since core cannot name an index. Immutable and thread-safe.
 */
public sealed interface Target {

  /** The kind as written in requests and answers: {@code none}, {@code follow}, {@code custom}. */
  String kind();

  /** No target: the portfolio is only held, and a rebalance is refused. */
  record None() implements Target {
    @Override
    public String kind() {
      return "none";
    }
  }

  /** Follow an index: its rebalances apply to the portfolio, at its current weights. */
  record Follow(IndexId index) implements Target {
    public Follow {
      Objects.requireNonNull(index, "index");
    }

    @Override
    public String kind() {
      return "follow";
    }
  }

  /** Custom target weights. */
  record Custom(CustomWeights weights) implements Target {
    public Custom {
      Objects.requireNonNull(weights, "weights");
    }

    @Override
    public String kind() {
      return "custom";
    }
  }

  Target NONE = new None();
}
