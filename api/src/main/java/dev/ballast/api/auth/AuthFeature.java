package dev.ballast.api.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Puts an {@link AuthFilter} in front of every resource method, with the access its annotations
 * give it (the method's over its class's): {@code @PermitAll} is public, {@code @RolesAllowed}
 * needs a key of a named role, and a method with neither is public market data, open or keyed
 * by {@code auth.publicMarketData}. Jersey's {@code RolesAllowedDynamicFeature} checks the roles
 * again after it.
 */
public final class AuthFeature implements DynamicFeature {

  private final Gate gate;

  public AuthFeature(Gate gate) {
    this.gate = gate;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    AnnotatedElement source = method.isAnnotationPresent(PermitAll.class)
        || method.isAnnotationPresent(RolesAllowed.class) ? method : resource.getResourceClass();
    Gate.Access access = Gate.Access.MARKET_DATA;
    Set<String> roles = Set.of();
    if (source.isAnnotationPresent(PermitAll.class)) {
      access = Gate.Access.PUBLIC;
    } else if (source.isAnnotationPresent(RolesAllowed.class)) {
      access = Gate.Access.ROLES;
      roles = Set.of(source.getAnnotation(RolesAllowed.class).value());
    }
    context.register(new AuthFilter(gate, access, roles));
  }
}
