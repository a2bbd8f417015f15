/**
 * OpenCL solvers on Aparapi: {@code opencl.steps} launches one kernel per epoch,
 * {@code opencl.resident} runs the whole descent in one launch of one work-group.
 *
 * <p>They run on the best OpenCL device (a GPU before a CPU), or — only when the user sets
 * {@code descent.allowFallback=true} and there is no OpenCL — in Aparapi's Java thread pool, and
 * say which in {@code device()}. Aparapi's silent fallbacks are turned into failures (see
 * {@code DeviceKernel}). The module's README.md records the
 * measurements, the crashes found and how they are avoided.
 *
 * <p>The {@code …F32Kernel} and {@code …F64Kernel} classes are generated from one template per
 * kernel under {@code src/main/templates}, because Aparapi translates only concrete kernels over
 * primitive arrays: edit the template, then regenerate (the README says how).
 */
package dev.descent.backend.opencl;
