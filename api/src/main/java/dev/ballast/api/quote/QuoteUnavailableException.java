package dev.ballast.api.quote;

import dev.ballast.core.asset.AssetId;

/** The source failed for an asset and no quote of it is known: the API answers 503. */
public final class QuoteUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient AssetId asset;

  QuoteUnavailableException(AssetId asset, String source, Throwable cause) {
    super("the quote source \"" + source + "\" failed for " + asset + " and no earlier quote of"
        + " it is known", cause);
    this.asset = asset;
  }

  public AssetId asset() {
    return asset;
  }
}
