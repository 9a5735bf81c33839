package io.tributary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards purity: main code must take locale, zone and "now" from the RenderContext. This scans the
 * sources for the calls that would silently read the JVM's defaults or clock.
 */
class NoJvmDefaultsInMainCodeTest {

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("Locale\\.getDefault"),
            Pattern.compile("TimeZone\\.getDefault"),
            Pattern.compile("ZoneId\\.systemDefault"),
            Pattern.compile("Clock\\.system"),
            Pattern.compile("System\\.currentTimeMillis"),
            Pattern.compile("System\\.nanoTime"),
            Pattern.compile("\\b(Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|Year|YearMonth)\\.now\\("),
            // java.text factories without a locale argument use the default locale
            Pattern.compile("(Format|Symbols)\\.get\\w*Instance\\(\\)"),
            Pattern.compile("new (DecimalFormat|SimpleDateFormat|DecimalFormatSymbols)\\("),
            Pattern.compile("DateTimeFormatter\\.ofPattern\\([^,()]*\\)"),
            Pattern.compile("String\\.format\\(\""),
            Pattern.compile("\\.(toLowerCase|toUpperCase)\\(\\)"));

    @Test
    void mainCodeReadsNoJvmDefaults() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                List<String> lines = readLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern pattern : FORBIDDEN) {
                        if (pattern.matcher(lines.get(i)).find()) {
                            violations.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        List<String> bad = List.of("Locale.getDefault()", "Instant.now()", "NumberFormat.getInstance()",
                "NumberFormat.getCurrencyInstance()", "DateFormat.getDateInstance()", "DecimalFormatSymbols.getInstance()",
                "DateTimeFormatter.ofPattern(\"yyyy\")", "s.toUpperCase()",
                "String.format(\"%s\", x)");
        List<String> fine = List.of("NumberFormat.getCurrencyInstance(locale)", "DateTimeFormatter.ofPattern(p, locale)",
                "s.toUpperCase(Locale.ROOT)", "String.format(locale, pattern, x)", "context.now()",
                "NullNode.getInstance()");
        for (String line : bad) {
            assertThat(FORBIDDEN.stream().anyMatch(p -> p.matcher(line).find())).as(line).isTrue();
        }
        for (String line : fine) {
            assertThat(FORBIDDEN.stream().noneMatch(p -> p.matcher(line).find())).as(line).isTrue();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
