package dev.ballast.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.importer.HistoryFiles;
import dev.ballast.core.importer.SourceFormat;
import dev.ballast.core.testing.SharedData;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssetRegistryTest {

  private final AssetRegistry registry = AssetRegistry.builtIn();

  @Test
  void knowsEverySymbolOfTheSharedCoinGeckoData() {
    List<Path> files = HistoryFiles.expand(List.of(SharedData.coingecko()));
    assertThat(files).hasSize(40);
    for (Path file : files) {
      AssetId id = HistoryFiles.symbolFromFileName(file, SourceFormat.COINGECKO);
      assertThat(registry.find(id)).as("%s from %s", id, file.getFileName()).isPresent();
    }
  }

  @Test
  void usdcIsAFiatBackedDollarOfCircle() {
    Asset usdc = registry.find(AssetId.of("usdc")).orElseThrow();

    assertThat(usdc.isStablecoin()).isTrue();
    StablecoinTerms terms = usdc.stablecoinTerms().orElseThrow();
    assertThat(terms.collateral()).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(terms.pegCurrency()).isEqualTo("USD");
    assertThat(terms.pegTarget()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(terms.issuer()).isEqualTo("Circle");
  }

  @Test
  void stablecoinFacts() {
    assertThat(collateral("UST")).isEqualTo(Collateral.ALGORITHMIC);
    assertThat(collateral("USTC")).isEqualTo(Collateral.ALGORITHMIC);
    assertThat(collateral("FRAX")).isEqualTo(Collateral.ALGORITHMIC);
    assertThat(collateral("DAI")).isEqualTo(Collateral.CRYPTO_BACKED);
    assertThat(collateral("USDe")).isEqualTo(Collateral.CRYPTO_BACKED);
    assertThat(collateral("USDT")).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(collateral("crvUSD")).isEqualTo(Collateral.CRYPTO_BACKED);
    StablecoinTerms paxg = terms("PAXG");
    assertThat(paxg.pegCurrency()).isEqualTo("XAU");
    assertThat(paxg.pegTarget()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(paxg.collateral()).isEqualTo(Collateral.COMMODITY_BACKED);
    assertThat(terms("XAUT").collateral()).isEqualTo(Collateral.COMMODITY_BACKED);
    assertThat(terms("EURC").pegCurrency()).isEqualTo("EUR");
    // one spelling per issuer, so that the sleeve sees Paxos concentration
    assertThat(List.of("PYUSD", "USDP", "USDG", "BUSD", "PAXG"))
        .allSatisfy(s -> assertThat(terms(s).issuer()).isEqualTo("Paxos"));
    assertThat(terms("XAUT").issuer()).isEqualTo(terms("USDT").issuer());
  }

  @Test
  void coinsHaveNamesAndNoTerms() {
    assertThat(registry.find(AssetId.of("BTC")).orElseThrow().name()).isEqualTo("Bitcoin");
    assertThat(registry.find(AssetId.of("ETH")).orElseThrow().name()).isEqualTo("Ethereum");
    assertThat(registry.find(AssetId.of("LUNA")).orElseThrow().name()).isEqualTo("Terra");
    assertThat(registry.find(AssetId.of("BTC")).orElseThrow().isStablecoin()).isFalse();
    assertThat(registry.find(AssetId.of("NOSUCHCOIN"))).isEmpty();
    assertThat(registry.all()).hasSizeGreaterThan(90);
    assertThat(registry.all()).extracting(Asset::id).isSorted();
  }

  @Test
  void classifyUsesTheRegistryUnlessOverridden() {
    assertThat(registry.classify(AssetId.of("USDC"), AssetOverrides.none()))
        .isEqualTo(registry.find(AssetId.of("USDC")).orElseThrow());

    Asset renamed = registry.classify(AssetId.of("USDC"),
        AssetOverrides.none().withName("Circle Dollar").withCollateral(Collateral.CRYPTO_BACKED));
    assertThat(renamed.name()).isEqualTo("Circle Dollar");
    assertThat(renamed.stablecoinTerms().orElseThrow().collateral())
        .isEqualTo(Collateral.CRYPTO_BACKED);
    assertThat(renamed.stablecoinTerms().orElseThrow().issuer()).isEqualTo("Circle");

    Asset demoted = registry.classify(AssetId.of("USDT"), kind(AssetKind.COIN));
    assertThat(demoted).isEqualTo(Asset.coin(AssetId.of("USDT"), "Tether"));
  }

  @Test
  void anUnknownSymbolIsACoinNamedAfterItself() {
    assertThat(registry.classify(AssetId.of("NEWCOIN"), AssetOverrides.none()))
        .isEqualTo(Asset.coin(AssetId.of("NEWCOIN"), "NEWCOIN"));
  }

  @Test
  void anUnknownStablecoinNeedsItsCollateral() {
    assertThatThrownBy(() -> registry.classify(AssetId.of("NEWUSD"), kind(AssetKind.STABLECOIN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NEWUSD")
        .hasMessageContaining("--collateral");
    assertThatThrownBy(() -> registry.classify(AssetId.of("BTC"), kind(AssetKind.STABLECOIN)))
        .hasMessageContaining("--collateral");

    Asset given = registry.classify(AssetId.of("NEWUSD"),
        AssetOverrides.none().withCollateral(Collateral.FIAT_BACKED).withIssuer("Acme"));
    assertThat(given).isEqualTo(Asset.stablecoin(AssetId.of("NEWUSD"), "NEWUSD",
        new StablecoinTerms("USD", BigDecimal.ONE, Collateral.FIAT_BACKED, "Acme")));

    Asset euro = registry.classify(AssetId.of("NEWEUR"), AssetOverrides.none()
        .withKind(AssetKind.STABLECOIN).withCollateral(Collateral.FIAT_BACKED)
        .withPegCurrency("eur").withPegTarget(new BigDecimal("1.00")));
    assertThat(euro.stablecoinTerms().orElseThrow().pegCurrency()).isEqualTo("EUR");
    assertThat(euro.stablecoinTerms().orElseThrow().issuer()).isEqualTo("unknown");
  }

  @Test
  void overridesRejectContradictionsAndBadPegs() {
    assertThatThrownBy(() -> AssetOverrides.none().withKind(AssetKind.COIN)
        .withCollateral(Collateral.FIAT_BACKED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fiat-backed");
    assertThatThrownBy(() -> AssetOverrides.none().withPegTarget(BigDecimal.ZERO))
        .hasMessageContaining("pegTarget must be positive, was 0");
    assertThatThrownBy(() -> registry.classify(AssetId.of("X"),
        AssetOverrides.none().withCollateral(Collateral.FIAT_BACKED).withPegCurrency("dollars")))
        .hasMessageContaining("DOLLARS");
  }

  @Test
  void collateralAndKindParseTheirCommonForms() {
    assertThat(Collateral.parse("fiat-backed")).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(Collateral.parse("FIAT_BACKED")).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(Collateral.parse(" Fiat ")).isEqualTo(Collateral.FIAT_BACKED);
    assertThat(Collateral.parse("crypto")).isEqualTo(Collateral.CRYPTO_BACKED);
    assertThat(Collateral.parse("Commodity backed")).isEqualTo(Collateral.COMMODITY_BACKED);
    assertThat(Collateral.parse("ALGORITHMIC")).isEqualTo(Collateral.ALGORITHMIC);
    assertThatThrownBy(() -> Collateral.parse("gold"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fiat-backed, crypto-backed, algorithmic, commodity-backed")
        .hasMessageContaining("\"gold\"");
    assertThat(AssetKind.parse("Stablecoin")).isEqualTo(AssetKind.STABLECOIN);
    assertThatThrownBy(() -> AssetKind.parse("token")).hasMessageContaining("coin or stablecoin");
  }

  @Test
  void aBrokenRegistryFileNamesTheLine() {
    String text = AssetRegistry.HEADER + "\nBTC,Bitcoin,coin,,,,\nBTC,Again,coin,,,,\n";
    assertThatThrownBy(() -> AssetRegistry.read(new StringReader(text), "test.csv"))
        .hasMessageContaining("test.csv line 3")
        .hasMessageContaining("listed twice");
    String badCollateral = AssetRegistry.HEADER + "\nX,X,stablecoin,USD,1,paper,Acme\n";
    assertThatThrownBy(() -> AssetRegistry.read(new StringReader(badCollateral), "test.csv"))
        .hasMessageContaining("test.csv line 2")
        .hasMessageContaining("\"paper\"");
  }

  private AssetOverrides kind(AssetKind kind) {
    return AssetOverrides.none().withKind(kind);
  }

  private StablecoinTerms terms(String symbol) {
    return registry.find(AssetId.of(symbol)).orElseThrow().stablecoinTerms().orElseThrow();
  }

  private Collateral collateral(String symbol) {
    return terms(symbol).collateral();
  }
}
