package dev.sqlstudy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a command answers, in both of its forms: the JSON document of DESIGN §6 and the text a
 * person reads in a terminal.
 */
record Result(JsonNode json, String table) {
}
