/**
 * Index definitions and the live indices' track records in the database: every rebalance with
 * its evidence and the holdings after it. JDBI SqlObject DAOs over the Flyway tables of
 * {@code V6__create_indices.sql}.
 */
package dev.ballast.rebalancer.store;
