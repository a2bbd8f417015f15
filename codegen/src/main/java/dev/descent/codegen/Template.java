package dev.descent.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kernel template, in the JDK's {@code Spp} style (its {@code X-Vector.java.template}):
 * {@code $key$} is replaced by the key's value, and lines between {@code #if[flag]},
 * {@code #else[flag]} and {@code #end[flag]} (each alone on its line, after optional
 * {@code //} and blanks) are kept or dropped by whether the flag is set. Blocks nest.
 *
 * <p>{@code #for[s=0..7]} … {@code #end[s]} repeats its lines once for every s from 0 to 7
 * (both included), with {@code $s$} replaced by the number: for code that must exist once per
 * field because the language it is translated to cannot take the field as a value (Aparapi
 * cannot hold an array reference in a local variable). Loops are unrolled before anything
 * else, so a loop variable hides an output's value of the same name, and loops nest with each
 * other and with {@code #if} blocks.
 *
 * <p>The template's own header says what it generates, one line per output:
 *
 * <pre>
 * //# generate F32Kernel.java: type=float Type=Float f32
 * //# generate F64Kernel.java: type=double Type=Double f64
 * </pre>
 *
 * <p>A word with {@code =} is a value; a bare word is a flag. Header lines are not copied.
 */
public final class Template {
  private static final Pattern GENERATE =
      Pattern.compile("^\\s*//#\\s*generate\\s+(\\S+)\\s*:(.*)$");
  private static final Pattern DIRECTIVE =
      Pattern.compile("^\\s*(?://\\s*)?#(if|else|end)\\[(!?)([A-Za-z0-9_]+)]\\s*$");
  private static final Pattern KEY = Pattern.compile("\\$([A-Za-z0-9_]+)\\$");
  private static final Pattern FOR =
      Pattern.compile("^\\s*(?://\\s*)?#for\\[([A-Za-z0-9_]+)=(\\d+)\\.\\.(\\d+)]\\s*$");
  private static final Pattern END =
      Pattern.compile("^\\s*(?://\\s*)?#end\\[!?([A-Za-z0-9_]+)]\\s*$");
  private static final Pattern OPEN =
      Pattern.compile("^\\s*(?://\\s*)?#(?:if\\[!?[A-Za-z0-9_]+|for\\[[^]]*)]\\s*$");

  /**
   * One file the template generates.
   *
   * @param fileName the generated file's name, in the template's package
   * @param values {@code $key$} replacements
   * @param flags the flags set for {@code #if}
   */
  public record Output(String fileName, Map<String, String> values, List<String> flags) {}

  private final String name;
  private final List<String> lines;
  private final List<Integer> lineNumbers;
  private final List<Output> outputs;

  private Template(String name, List<String> lines, List<Integer> lineNumbers,
      List<Output> outputs) {
    this.name = name;
    this.lines = lines;
    this.lineNumbers = lineNumbers;
    this.outputs = outputs;
  }

  /**
   * Parses a template's text.
   *
   * @param name where it came from, for messages
   * @throws IllegalArgumentException naming the template and line when it declares no output,
   *     or a header line is malformed
   */
  public static Template parse(String name, String text) {
    List<String> body = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    List<Output> outputs = new ArrayList<>();
    String[] all = text.split("\n", -1);
    for (int i = 0; i < all.length; i++) {
      Matcher generate = GENERATE.matcher(all[i]);
      if (!generate.matches()) {
        body.add(all[i]);
        numbers.add(i + 1);
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      List<String> flags = new ArrayList<>();
      for (String word : generate.group(2).trim().split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        int equals = word.indexOf('=');
        if (equals == 0) {
          throw new IllegalArgumentException(name + ":" + (i + 1) + ": '" + word
              + "' has no key before '='");
        }
        if (equals > 0) {
          values.put(word.substring(0, equals), word.substring(equals + 1));
        } else {
          flags.add(word);
        }
      }
      outputs.add(new Output(generate.group(1), Map.copyOf(values), List.copyOf(flags)));
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException(name + ": no '//# generate FILE: ...' line");
    }
    return new Template(name, body, numbers, List.copyOf(outputs));
  }

  /** The files this template generates. */
  public List<Output> outputs() {
    return outputs;
  }

  /**
   * The text of one output, without the generated-file banner.
   *
   * @throws IllegalArgumentException naming the template and line for an unbalanced directive or
   *     a {@code $key$} the output gives no value for
   */
  public String expand(Output output) {
    List<String> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    unroll(this.lines, this.lineNumbers, lines, lineNumbers);
    StringBuilder text = new StringBuilder();
    // One entry per open block: whether its lines are kept, and its flag for matching #end.
    List<boolean[]> keep = new ArrayList<>();
    List<String> open = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher directive = DIRECTIVE.matcher(line);
      if (directive.matches()) {
        String kind = directive.group(1);
        String flag = directive.group(3);
        boolean set = output.flags().contains(flag) != directive.group(2).equals("!");
        switch (kind) {
          case "if" -> {
            keep.add(new boolean[] {set});
            open.add(flag);
          }
          case "else" -> {
            requireOpen(flag, open, lineNumbers.get(i));
            boolean[] top = keep.get(keep.size() - 1);
            top[0] = !top[0];
          }
          default -> {
            requireOpen(flag, open, lineNumbers.get(i));
            keep.remove(keep.size() - 1);
            open.remove(open.size() - 1);
          }
        }
        continue;
      }
      if (keep.stream().allMatch(k -> k[0])) {
        text.append(substitute(line, output, lineNumbers.get(i))).append('\n');
      }
    }
    if (!open.isEmpty()) {
      throw new IllegalArgumentException(name + ": #if[" + open.get(open.size() - 1)
          + "] is never closed by #end");
    }
    // split() kept the text after the last newline as one more (empty) line.
    return text.substring(0, text.length() - 1);
  }

  /**
   * Copies {@code from} into {@code into}, each {@code #for} block repeated with its variable
   * substituted; the numbers say which template line each copied line came from.
   */
  private void unroll(List<String> from, List<Integer> fromNumbers, List<String> into,
      List<Integer> intoNumbers) {
    for (int i = 0; i < from.size(); i++) {
      Matcher loop = FOR.matcher(from.get(i));
      if (!loop.matches()) {
        into.add(from.get(i));
        intoNumbers.add(fromNumbers.get(i));
        continue;
      }
      String variable = loop.group(1);
      int first = Integer.parseInt(loop.group(2));
      int last = Integer.parseInt(loop.group(3));
      if (last < first) {
        throw new IllegalArgumentException(name + ":" + fromNumbers.get(i) + ": #for[" + variable
            + "=" + first + ".." + last + "] counts down");
      }
      int end = matchingEnd(from, fromNumbers, i, variable);
      Pattern key = Pattern.compile("\\$" + Pattern.quote(variable) + "\\$");
      for (int value = first; value <= last; value++) {
        List<String> body = new ArrayList<>();
        for (String line : from.subList(i + 1, end)) {
          body.add(key.matcher(line).replaceAll(Integer.toString(value)));
        }
        unroll(body, fromNumbers.subList(i + 1, end), into, intoNumbers);
      }
      i = end;
    }
  }

  /** The index of the {@code #end} that closes the {@code #for} at {@code start}. */
  private int matchingEnd(List<String> lines, List<Integer> numbers, int start, String variable) {
    int depth = 0;
    for (int i = start + 1; i < lines.size(); i++) {
      if (OPEN.matcher(lines.get(i)).matches()) {
        depth++;
        continue;
      }
      Matcher end = END.matcher(lines.get(i));
      if (end.matches()) {
        if (depth > 0) {
          depth--;
          continue;
        }
        if (!end.group(1).equals(variable)) {
          throw new IllegalArgumentException(name + ":" + numbers.get(i) + ": #end["
              + end.group(1) + "] does not close the innermost open #for[" + variable + "]");
        }
        return i;
      }
    }
    throw new IllegalArgumentException(name + ":" + numbers.get(start) + ": #for[" + variable
        + "] is never closed by #end");
  }

  private void requireOpen(String flag, List<String> open, int line) {
    if (open.isEmpty() || !open.get(open.size() - 1).equals(flag)) {
      throw new IllegalArgumentException(name + ":" + line + ": #else/#end[" + flag
          + "] does not close the innermost open #if" + (open.isEmpty() ? "" : "[" + open.get(
              open.size() - 1) + "]"));
    }
  }

  private String substitute(String line, Output output, int lineNumber) {
    Matcher key = KEY.matcher(line);
    StringBuilder result = new StringBuilder();
    while (key.find()) {
      String value = output.values().get(key.group(1));
      if (value == null) {
        throw new IllegalArgumentException(name + ":" + lineNumber + ": $" + key.group(1)
            + "$ has no value for " + output.fileName());
      }
      key.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    key.appendTail(result);
    return result.toString();
  }
}
