package dev.ballast.api.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Hands the client's address to Jersey as a request property: a filter registered per resource
 * method by a {@code DynamicFeature} gets no {@code @Context} injection, but Jersey's request
 * properties are the servlet request's attributes. Behind a proxy, set {@code
 * server.applicationConnectors[].useForwardedHeaders} so that this is the real client.
 */
public final class ClientAddressFilter implements Filter {

  static final String ATTRIBUTE = "dev.ballast.clientAddress";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(ATTRIBUTE, request.getRemoteAddr());
    chain.doFilter(request, response);
  }
}
