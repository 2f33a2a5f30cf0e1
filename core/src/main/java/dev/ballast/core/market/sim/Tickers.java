package dev.ballast.core.market.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invented, pronounceable coin tickers (consonant-vowel-consonant-vowel, such as {@code ZAVO}) and
 * names. They come from a fixed seed of their own, not the simulation seed, so a coin keeps its
 * ticker when the seed changes and a database loaded with another seed has the same assets.
 */
final class Tickers {

  private static final long NAME_SEED = 0xBA11A57L;
  private static final String CONSONANTS = "BDFGKLMNPRSTVZ";
  private static final String VOWELS = "AEIOU";
  private static final String[] SUFFIXES = {
    "Chain", "Protocol", "Network", "Finance", "Swap", "Labs", "Coin", "Token", "Layer", "Cash"
  };

  /**
   * Real tickers of the same shape that we know of, and unfortunate words: simulated data must
   * never be mistaken for a real asset. Every name also says "(simulated)".
   */
  private static final Set<String> AVOID =
      Set.of(
          "BETA", "BOBA", "BONE", "DEGO", "DERI", "DIMO", "DODO", "DOGE", "DOME", "FIDA", "FUSE",
          "GALA", "GARI", "KAVA", "KATA", "KIBA", "KOMA", "LINA", "LOKA", "LUNA", "MANA", "MEME",
          "META", "MINA", "MOBI", "MONA", "MOVE", "NAKA", "NAVI", "NEMO", "NEXO", "NOTE", "PEPE",
          "RARE", "ROSE", "RUNE", "SAFE", "SOLO", "SONE", "SUKU", "SUNO", "SUPE", "TARA", "TIME",
          "TOKE", "TOMI", "VELO", "VITE", "ZANO", "ZETA", "PUTA", "PUTO", "PEDO", "NAZI", "KAKA",
          "SUKA", "DAMA", "RAPE", "DUPE", "LAME", "DOPE", "MUTE", "LOSE", "POPE", "DIVA", "SIMU",
          "REPO", "TAKE", "PELE", "MOPE", "SATE", "SALE", "TIPI", "LOBO", "RUBE", "DUNE");

  private Tickers() {}

  /** {@code count} distinct tickers, always the same ones in the same order. */
  static List<String> symbols(int count) {
    SplittableRandom rng = new SplittableRandom(NAME_SEED);
    Set<String> seen = new HashSet<>();
    List<String> symbols = new ArrayList<>(count);
    while (symbols.size() < count) {
      String symbol =
          new String(
              new char[] {
                pick(CONSONANTS, rng), pick(VOWELS, rng), pick(CONSONANTS, rng), pick(VOWELS, rng)
              });
      if (!AVOID.contains(symbol) && seen.add(symbol)) {
        symbols.add(symbol);
      }
    }
    return symbols;
  }

  /** A name such as "Zavo Network (simulated)", the suffix depending only on the ticker. */
  static String name(String symbol) {
    String word = symbol.charAt(0) + symbol.substring(1).toLowerCase(Locale.ROOT);
    return word
        + " "
        + SUFFIXES[Math.floorMod(symbol.hashCode(), SUFFIXES.length)]
        + " (simulated)";
  }

  private static char pick(String letters, SplittableRandom rng) {
    return letters.charAt(rng.nextInt(letters.length()));
  }
}
