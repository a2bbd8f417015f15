/**
 * The oracle every solver is judged by: the article's data reproduced bit for bit
 * ({@link dev.descent.reference.Datasets}, {@link dev.descent.reference.NumpyLegacyRandom},
 * {@link dev.descent.reference.GlibcLog}), synthetic and CSV data, the closed-form
 * least-squares solution ({@link dev.descent.reference.LeastSquares}), the float64 reference
 * descent ({@link dev.descent.reference.ReferenceDescent}) and the article's published numbers
 * ({@link dev.descent.reference.Article}).
 */
package dev.descent.reference;
