package de.auseinerhand.events.registry;

/** Kinds of assets (§ 12 SGB II). */
public enum AssetKind {
    CASH, BANK_ACCOUNT, SECURITIES, LIFE_INSURANCE, VEHICLE, REAL_ESTATE, OTHER
}
