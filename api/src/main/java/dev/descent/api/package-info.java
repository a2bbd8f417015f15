/**
 * The solver SPI of descent: what a compute backend implements to be raced.
 *
 * <p>A backend is a jar that provides one or more {@link dev.descent.api.Solver}s through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.descent.api.Solver} file, or
 * {@code provides} in a {@code module-info}). The race finds solvers only that way and never
 * imports a backend class. For each solver and precision the race calls, in order:
 *
 * <ol>
 *   <li>{@link dev.descent.api.Solver#availability()}: cheap, never throws;
 *   <li>{@link dev.descent.api.Solver#prepare(Dataset, Precision)}: allocate, upload, compile,
 *       build graphs — timed as <em>setup</em>;
 *   <li>{@link dev.descent.api.Workspace#descend(Schedule)} several times — each call timed as
 *       <em>solve</em>;
 *   <li>{@link dev.descent.api.Workspace#close()}: frees everything.
 * </ol>
 *
 * <p>The problem is linear least squares by batch gradient descent: for N samples of p features
 * with an intercept, {@code y = w0 + w1*x1 + ... + wp*xp}, {@code e = d - y}, and every epoch
 * {@code w_j += mu * (2/N) * sum_i e_i * x_ij} with {@code x_i0 = 1}. Every solver computes
 * exactly this function; how fast is its own business.
 *
 * <p>This package has no dependencies beyond the JDK, so that a third-party backend built
 * against it drags nothing into the race's class path.
 */
package dev.descent.api;
