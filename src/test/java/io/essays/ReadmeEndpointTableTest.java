package io.essays;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's endpoint table and the committed spec give one contract: every operation has a row, every row an
 * operation, and each row lists the statuses its operations answer, but for the shared responses any operation of a
 * kind may give (the 406, the 400 of a repeated parameter, the 503 before any corpus), which the README says once.
 */
class ReadmeEndpointTableTest {
    private static final Pattern OPERATION = Pattern.compile("`(GET|HEAD|POST|PUT|PATCH|DELETE) (/[^`?]*)");
    private static final Pattern STATUS = Pattern.compile("\\b[1-5]\\d\\d\\b");

    @Test
    void everyRowListsTheStatusesOfItsOperationsInTheSpec() throws IOException {
        Map<String, Set<String>> spec = operations();
        var covered = new HashSet<String>();
        var mismatches = new ArrayList<String>();
        for (List<String> row : rows()) {
            String first = row.get(0);
            String prefix = first.contains("not under") ? "" : "/api/v1";
            Matcher m = OPERATION.matcher(first);
            Set<String> documented = new TreeSet<>();
            boolean any = false;
            while (m.find()) {
                if (m.group(2).startsWith("/q/")) {
                    continue; // Quarkus's health and metrics, outside the spec
                }
                String key = m.group(1) + " " + prefix + m.group(2);
                assertThat(spec).as("the spec has the README's %s", key).containsKey(key);
                documented.addAll(spec.get(key));
                covered.add(key);
                any = true;
            }
            if (!any) {
                continue;
            }
            Set<String> listed = new TreeSet<>();
            STATUS.matcher(row.get(row.size() - 1)).results().forEach(r -> listed.add(r.group()));
            if (!listed.equals(documented)) {
                mismatches.add(first + ": README " + listed + ", spec " + documented);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(covered).as("operations with a row").containsExactlyInAnyOrderElementsOf(spec.keySet());
    }

    /** Each operation's statuses, without those given by reference to a shared response. */
    private static Map<String, Set<String>> operations() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("openapi/openapi.json").toFile()).get("paths");
        var operations = new TreeMap<String, Set<String>>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            if (responses == null) {
                return;
            }
            var statuses = new TreeSet<String>();
            responses.fields().forEachRemaining(r -> {
                if (!r.getValue().has("$ref")) {
                    statuses.add(r.getKey());
                }
            });
            operations.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), statuses);
        }));
        return operations;
    }

    /** The cells of each row of the endpoint table. */
    private static List<List<String>> rows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int header = lines.indexOf("| method and path | returns | statuses |");
        assertThat(header).as("the README's endpoint table").isNotNegative();
        var rows = new ArrayList<List<String>>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            var cells = new ArrayList<String>();
            for (String cell : lines.get(i).split("(?<!\\\\)\\|")) {
                cells.add(cell.strip());
            }
            rows.add(cells.subList(1, cells.size()));
        }
        return rows;
    }
}
