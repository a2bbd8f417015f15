package dev.descent.app.plugin;

/**
 * The parent of every plug-in's class loader: it shows the plug-in the JDK and the descent api
 * package and nothing else of the application, so each plug-in brings its own libraries and two
 * plug-ins may use conflicting versions of the same one (Trino's plug-in loaders work this way).
 */
final class ApiOnlyClassLoader extends ClassLoader {
  private static final String API_PACKAGE = "dev.descent.api.";

  private final ClassLoader application;

  ApiOnlyClassLoader(ClassLoader application) {
    super("descent-api-only", ClassLoader.getPlatformClassLoader());
    this.application = application;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(API_PACKAGE)) {
      return application.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
