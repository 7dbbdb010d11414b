package io.essays.sync;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A mobile app as the README tells it to sync: follow {@code next} until a page has {@code nextSyncToken}, store each
 * item under its type and key, delete on a tombstone, keep the token; on 410, start again from an empty store.
 */
final class SyncClient {
    static final ObjectMapper JSON = new ObjectMapper();

    /** type:key → the item's data (the series, essay or asset object). */
    final Map<String, JsonNode> store = new TreeMap<>();
    String token;
    int pages;
    int restarts;
    final List<JsonNode> lastItems = new ArrayList<>();

    /** One whole sync (initial when there is no token yet), page by page. */
    SyncClient sync(int limit) {
        lastItems.clear();
        String url = token == null ? "/api/v1/sync?limit=" + limit : "/api/v1/sync?token=" + token + "&limit=" + limit;
        while (url != null) {
            url = page(url);
        }
        return this;
    }

    /** Fetches and applies one page; returns the next page's URL, or null after the last page. */
    String page(String url) {
        var response = given().urlEncodingEnabled(false).get(url);
        if (response.statusCode() == 410) {
            restarts++;
            store.clear();
            token = null;
            return "/api/v1/sync?limit=" + limit(url);
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " → " + response.statusCode() + ": " + response.asString());
        }
        pages++;
        JsonNode page;
        try {
            page = JSON.readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (JsonNode item : page.get("items")) {
            lastItems.add(item);
            String type = item.get("type").asText();
            String key = type + ":" + (item.has("path") ? item.get("path").asText() : item.get("slug").asText());
            if (item.has("deletedInRelease")) {
                store.remove(key);
            } else {
                store.put(key, item.get(type));
            }
        }
        if (page.has("nextSyncToken")) {
            token = page.get("nextSyncToken").asText();
            return null;
        }
        return page.get("next").asText();
    }

    private static String limit(String url) {
        int at = url.indexOf("limit=");
        return at < 0 ? "50" : url.substring(at + 6).split("&")[0];
    }

    /** What a fresh initial sync gives now. */
    static Map<String, JsonNode> fresh(int limit) {
        return new SyncClient().sync(limit).store;
    }
}
