package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqlstudy.domain.Child;
import dev.sqlstudy.domain.ChildWithParent;
import dev.sqlstudy.domain.ChildrenCount;
import dev.sqlstudy.domain.Host;
import dev.sqlstudy.domain.JoinRow;
import dev.sqlstudy.domain.Parent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that decides how records look: the JSON shapes of cli/README.md (a contract users'
 * scripts parse — field names and order are fixed here) and their terminal tables.
 */
final class Views {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Views() {
    }

    // ---- hosts ------------------------------------------------------------------------------

    static ObjectNode hostJson(Host host) {
        ObjectNode node = JSON.objectNode();
        node.put("id", host.id());
        node.put("hostname", host.hostname());
        node.put("ip_addr", host.ipAddr());
        node.put("port", host.port());
        return node;
    }

    private static TextTable hostTable(List<Host> hosts) {
        TextTable table = new TextTable("id", "hostname", "ip_addr", "port").numeric(0, 3);
        hosts.forEach(h -> table.row(h.id(), h.hostname(), h.ipAddr(), h.port()));
        return table;
    }

    static Result host(Host host) {
        return new Result(hostJson(host), hostTable(List.of(host)).render());
    }

    static Result hosts(List<Host> hosts) {
        ArrayNode array = JSON.arrayNode();
        hosts.forEach(h -> array.add(hostJson(h)));
        return new Result(array, hostTable(hosts).renderList());
    }

    static Result names(List<String> names) {
        ArrayNode array = JSON.arrayNode();
        names.forEach(array::add);
        TextTable table = new TextTable("name");
        names.forEach(table::row);
        return new Result(array, table.renderList());
    }

    // ---- bulk -------------------------------------------------------------------------------

    static ObjectNode affectedJson(long affected) {
        ObjectNode node = JSON.objectNode();
        node.put("affected", affected);
        return node;
    }

    static Result affected(long affected) {
        return new Result(affectedJson(affected), "affected: " + affected + (affected == 1 ? " row" : " rows") + "\n");
    }

    // ---- families ---------------------------------------------------------------------------

    static ObjectNode parentJson(Parent parent) {
        ObjectNode node = JSON.objectNode();
        node.put("id", parent.id());
        node.put("name", parent.name());
        ArrayNode children = node.putArray("children");
        for (Child child : parent.children()) {
            ObjectNode c = children.addObject();
            c.put("id", child.id());
            c.put("name", child.name());
        }
        return node;
    }

    private static TextTable parentTable(List<Parent> parents) {
        TextTable table = new TextTable("id", "name", "children").numeric(0);
        for (Parent p : parents) {
            String children = p.children().isEmpty() ? "-"
                    : p.children().stream().map(c -> c.name() + " (" + c.id() + ")").collect(Collectors.joining(", "));
            table.row(p.id(), p.name(), children);
        }
        return table;
    }

    static Result parent(Parent parent) {
        return new Result(parentJson(parent), parentTable(List.of(parent)).render());
    }

    static Result parents(List<Parent> parents) {
        ArrayNode array = JSON.arrayNode();
        parents.forEach(p -> array.add(parentJson(p)));
        return new Result(array, parentTable(parents).renderList());
    }

    static ObjectNode childJson(ChildWithParent child) {
        ObjectNode node = JSON.objectNode();
        node.put("id", child.id());
        node.put("name", child.name());
        if (child.parent() == null) {
            node.putNull("parent");
        } else {
            ObjectNode parent = node.putObject("parent");
            parent.put("id", child.parent().id());
            parent.put("name", child.parent().name());
        }
        return node;
    }

    static Result child(ChildWithParent child) {
        TextTable table = new TextTable("id", "name", "parent_id", "parent").numeric(0, 2);
        table.row(child.id(), child.name(),
                child.parent() == null ? null : child.parent().id(),
                child.parent() == null ? null : child.parent().name());
        return new Result(childJson(child), table.render());
    }

    static Result joinRows(List<JoinRow> rows) {
        ArrayNode array = JSON.arrayNode();
        TextTable table = new TextTable("parent_id", "parent", "child_id", "child").numeric(0, 2);
        for (JoinRow row : rows) {
            ObjectNode node = array.addObject();
            putNullable(node, "parent_id", row.parentId());
            node.put("parent", row.parent());
            putNullable(node, "child_id", row.childId());
            node.put("child", row.child());
            table.row(row.parentId(), row.parent(), row.childId(), row.child());
        }
        return new Result(array, table.renderList());
    }

    static Result counts(List<ChildrenCount> counts) {
        ArrayNode array = JSON.arrayNode();
        TextTable table = new TextTable("parent_id", "parent", "children").numeric(0, 2);
        for (ChildrenCount count : counts) {
            ObjectNode node = array.addObject();
            node.put("parent_id", count.parentId());
            node.put("parent", count.parent());
            node.put("children", count.children());
            table.row(count.parentId(), count.parent(), count.children());
        }
        return new Result(array, table.renderList());
    }

    private static void putNullable(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.intValue());
        }
    }

    static JsonNode nullable(JsonNode node) {
        return node == null ? JSON.nullNode() : node;
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ArrayNode array() {
        return JSON.arrayNode();
    }
}
