/**
 * The Vector API backend of descent: {@code simd}, one fused vector pass per epoch on the calling
 * thread, and {@code simd.parallel}, the same kernel split over the cores by a fixed team of
 * worker threads that meet at a spin barrier every epoch.
 *
 * <p>Only the classes named {@code F64*}, {@code F32*} and {@link dev.descent.backend.simd.Lanes}
 * touch {@code jdk.incubator.vector}; the solvers load them only after finding the module in the
 * boot layer, so a JVM started without {@code --add-modules jdk.incubator.vector} lists both
 * solvers as unavailable with that flag as the fix instead of failing with
 * {@link NoClassDefFoundError}.
 */
package dev.descent.backend.simd;
