package dev.descent.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {
  private static final String KERNEL = String.join("\n",
      "//# generate F32Kernel.java: type=float Type=Float f32",
      "//# generate F64Kernel.java: type=double Type=Double",
      "final class $Type$Kernel {",
      "  $type$ sum;",
      "  // #if[f32]",
      "  float block;",
      "  // #if[!wide]",
      "  int narrow;",
      "  // #end[wide]",
      "  // #else[f32]",
      "  double exact;",
      "  // #end[f32]",
      "}",
      "");

  @Test
  void substitutesValuesAndKeepsTheChosenBranch() {
    Template template = Template.parse("K", KERNEL);
    assertEquals(2, template.outputs().size());
    assertEquals("final class FloatKernel {\n  float sum;\n  float block;\n  int narrow;\n}\n",
        template.expand(template.outputs().get(0)));
    assertEquals("final class DoubleKernel {\n  double sum;\n  double exact;\n}\n",
        template.expand(template.outputs().get(1)));
  }

  @Test
  void repeatsForBlocksWithTheirNumberAndNestsThemWithIfBlocks() {
    Template template = Template.parse("K", String.join("\n",
        "//# generate A.java: type=float f32",
        "//# generate B.java: type=double",
        "  // #for[s=0..2]",
        "$type$[] x$s$;",
        "#if[f32]",
        "#for[t=1..2]",
        "int c$s$$t$;",
        "#end[t]",
        "#end[f32]",
        "  // #end[s]",
        "end",
        ""));
    assertEquals("float[] x0;\nint c01;\nint c02;\nfloat[] x1;\nint c11;\nint c12;\n"
        + "float[] x2;\nint c21;\nint c22;\nend\n", template.expand(template.outputs().get(0)));
    assertEquals("double[] x0;\ndouble[] x1;\ndouble[] x2;\nend\n",
        template.expand(template.outputs().get(1)));

    Template unclosed = Template.parse("K", "//# generate A.java: a\nx\n#for[s=0..1]\ny\n");
    IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
        () -> unclosed.expand(unclosed.outputs().get(0)));
    assertTrue(open.getMessage().startsWith("K:3: #for[s] is never closed"), open.getMessage());
    Template crossed = Template.parse("K", "//# generate A.java: a\n#for[s=0..1]\n#end[a]\n");
    IllegalArgumentException crossing = assertThrows(IllegalArgumentException.class,
        () -> crossed.expand(crossed.outputs().get(0)));
    assertTrue(crossing.getMessage().startsWith("K:3:"), crossing.getMessage());
    Template down = Template.parse("K", "//# generate A.java: a\n#for[s=2..1]\n#end[s]\n");
    assertThrows(IllegalArgumentException.class, () -> down.expand(down.outputs().get(0)));
  }

  @Test
  void rejectsMalformedTemplatesNamingTheLine() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Template.parse("K", "class A {}\n"));
    assertTrue(none.getMessage().contains("no '//# generate"), none.getMessage());

    Template unclosed = Template.parse("K", "//# generate A.java: f32\n#if[f32]\nx\n");
    assertThrows(IllegalArgumentException.class, () -> unclosed.expand(unclosed.outputs().get(0)));

    Template crossed = Template.parse("K", "//# generate A.java: a\n#if[a]\n#if[b]\n#end[a]\n");
    IllegalArgumentException crossing = assertThrows(IllegalArgumentException.class,
        () -> crossed.expand(crossed.outputs().get(0)));
    assertTrue(crossing.getMessage().startsWith("K:4:"), crossing.getMessage());

    Template unknown = Template.parse("K", "//# generate A.java: type=float\n$typo$ x;\n");
    IllegalArgumentException key = assertThrows(IllegalArgumentException.class,
        () -> unknown.expand(unknown.outputs().get(0)));
    assertTrue(key.getMessage().contains("$typo$"), key.getMessage());
  }

  @Test
  void writesOnlyWhatChangedAndRemovesWhatNoTemplateMakes(@TempDir Path module)
      throws Exception {
    Path templates = Files.createDirectories(module.resolve("src/main/templates/p"));
    Files.writeString(templates.resolve("X-Kernel.java.template"), KERNEL);
    Path out = module.resolve("target/generated-sources/templates");
    assertEquals(2, Generator.write(module, out));
    assertTrue(Files.readString(out.resolve("p/F32Kernel.java"))
        .startsWith("// Generated at build time from src/main/templates/p/X-Kernel.java.template"));
    assertEquals(0, Generator.write(module, out), "nothing changed, nothing written");

    Files.writeString(out.resolve("p/F64Kernel.java"), "edited by hand");
    Files.writeString(out.resolve("p/Gone.java"), "from a template that was removed");
    assertEquals(1, Generator.write(module, out));
    assertTrue(Files.readString(out.resolve("p/F64Kernel.java")).contains("class DoubleKernel"));
    assertFalse(Files.exists(out.resolve("p/Gone.java")));
    assertEquals(List.of(), Generator.generate(module.resolve("no-templates-here")));
  }
}
