/**
 * TensorFlow Java graph solvers: {@code tensorflow.steps} (the article's one session run per
 * epoch), {@code tensorflow.loop} (all epochs in one run, TensorFlow's graph while loop) and
 * {@code tensorflow.xla} (all epochs in one run, the loop compiled whole by XLA).
 *
 * <p>The natives are loaded once per JVM, on the first {@code availability()}; a failure to load
 * them makes the solvers unavailable with the loader's reason. Graph building, session creation
 * and the first run of each signature (where TensorFlow optimises and XLA compiles) happen in
 * {@code prepare} and count as setup; {@code descend} is only the runs. See the module's README
 * for the measurements behind the choices.
 */
package dev.descent.backend.tensorflow;
