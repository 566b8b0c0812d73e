package de.auseinerhand.placement.application;

import de.auseinerhand.matching.MatchOffer;
import de.auseinerhand.matching.OpenOfferIndex;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The open offers of {@code jp_offer} (status PUBLISHED) in memory for matching; see {@link OpenOfferIndex}. */
@ApplicationScoped
public class OpenOffers {

    @Inject
    DataSource dataSource;

    private OpenOfferIndex index;

    @PostConstruct
    void init() {
        index = new OpenOfferIndex(dataSource, "jp_offer", "o.status = 'PUBLISHED'", "updated_at");
    }

    public List<MatchOffer> current() {
        return index.current();
    }

    public List<OpenOfferIndex.OccupationGroup> byOccupation() {
        return index.byOccupation();
    }

    public MatchOffer get(UUID offerId) {
        return index.get(offerId);
    }

    public int size() {
        return index.size();
    }
}
