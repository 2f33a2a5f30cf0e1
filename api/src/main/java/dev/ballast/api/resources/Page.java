package dev.ballast.api.resources;

import java.util.List;

/**
 * One page of a list: its rows and the opaque cursor of the next page ({@code null} on the
 * last). Written as JSON, or as CSV rows when the client asks for {@code text/csv}.
 */
public record Page<T extends Record>(List<T> items, String next) {}
