/**
 * Optional help for solver authors: the parts of a {@link dev.descent.api.Workspace} that are
 * the same in every backend, so that a backend writes only its kernel.
 *
 * <ul>
 *   <li>{@link dev.descent.api.support.Preconditions#checkPrepare} — the checks every
 *       {@code prepare} starts with, worded once;
 *   <li>{@link dev.descent.api.support.BaseWorkspace} — the open/closed state, the device line,
 *       the initial weights checked against p + 1; the subclass runs a whole schedule (a device
 *       or a graph that loops by itself);
 *   <li>{@link dev.descent.api.support.EpochWorkspace} — the epoch loop and the loss trace on top
 *       of that; the subclass writes one epoch.
 * </ul>
 *
 * <p>Dependency-free like the rest of the api, and nothing here is required: a solver may
 * implement {@link dev.descent.api.Workspace} directly.
 */
package dev.descent.api.support;
