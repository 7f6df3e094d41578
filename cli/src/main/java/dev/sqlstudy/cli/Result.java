package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a command answers, in both of its forms: the JSON document cli/README.md documents and the text a
 * person reads in a terminal.
 */
record Result(JsonNode json, String table) {
}
