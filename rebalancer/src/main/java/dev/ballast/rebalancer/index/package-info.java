/**
 * Index methodologies as data ({@link dev.ballast.rebalancer.index.IndexDefinition}, read from
 * YAML or JSON by {@link dev.ballast.rebalancer.index.IndexDefinitions}) and their target weights
 * on a day ({@link dev.ballast.rebalancer.index.IndexMethodology}). Pure computation: no database,
 * no scheduler. See {@code docs/index-methodology.md}.
 */
package dev.ballast.rebalancer.index;
