package dev.descent.app.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * The app's one JSON configuration (Gson), for every file and message it reads or writes: the
 * fork protocol, the cached machine limits, the JSON report.
 */
public final class Json {

  /** NaN is a legitimate value (a setup time that was never measured); JSON proper has none. */
  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

  private Json() {}

  /** The value as one line of JSON. */
  public static String encode(Object value) {
    return GSON.toJson(value);
  }

  /** The JSON text as a value of the type. */
  public static <T> T decode(String json, Class<T> type) {
    return GSON.fromJson(json, type);
  }
}
