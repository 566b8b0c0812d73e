package de.auseinerhand.servicekit.reference;

/** A municipality of the district, identified by its official municipality key (AGS). */
public record Municipality(String ags, String name) {
}
