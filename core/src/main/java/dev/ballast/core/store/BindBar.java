package dev.ballast.core.store;

import dev.ballast.core.price.DailyBar;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizingAnnotation;
import org.jdbi.v3.sqlobject.customizer.SqlStatementParameterCustomizer;
import org.jdbi.v3.sqlobject.customizer.SqlStatementCustomizerFactory;

/**
 * Binds a {@link DailyBar}'s fields by name, writing NaN (missing) as SQL NULL so that a
 * missing value can never be stored as a number.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@SqlStatementCustomizingAnnotation(BindBar.Factory.class)
@interface BindBar {

  /** Builds the binder. */
  final class Factory implements SqlStatementCustomizerFactory {
    @Override
    public SqlStatementParameterCustomizer createForParameter(
        java.lang.annotation.Annotation annotation,
        Class<?> sqlObjectType,
        java.lang.reflect.Method method,
        java.lang.reflect.Parameter param,
        int index,
        java.lang.reflect.Type type) {
      return (stmt, arg) -> {
        DailyBar bar = (DailyBar) arg;
        stmt.bind("asset", bar.asset().symbol())
            .bind("date", bar.date())
            .bindByType("open", Columns.nullIfNaN(bar.open()), Double.class)
            .bindByType("high", Columns.nullIfNaN(bar.high()), Double.class)
            .bindByType("low", Columns.nullIfNaN(bar.low()), Double.class)
            .bind("close", bar.close())
            .bindByType("volume", Columns.nullIfNaN(bar.volume()), Double.class)
            .bindByType("marketCap", Columns.nullIfNaN(bar.marketCap()), Double.class);
      };
    }
  }
}
