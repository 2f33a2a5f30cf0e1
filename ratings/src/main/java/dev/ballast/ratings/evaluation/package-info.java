/**
 * Grade evaluation: the rank information coefficient and quintile spread of a grade against forward
 * returns, see {@link dev.ballast.ratings.evaluation.GradeEvaluation}.
 */
package dev.ballast.ratings.evaluation;
