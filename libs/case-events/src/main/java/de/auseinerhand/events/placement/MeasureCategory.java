package de.auseinerhand.events.placement;

/** Category of an integration measure. */
public enum MeasureCategory {
    ACTIVE_LABOUR_MARKET, SUBSIDISED_PUBLIC_EMPLOYMENT, WAGE_SUBSIDY, MUNICIPAL_SUPPORT
}
