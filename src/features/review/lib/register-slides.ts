import { registerSlide } from '../../../lib/slide-registry';
import { LaggingSlide, MetodeSlide, RankingSlide, SummarySlide } from '../components/Slides';

/** The built-in slides, in order. */
registerSlide({ id: 'summary', titleKey: 'review.slides.summary', Component: SummarySlide });
registerSlide({ id: 'ranking', titleKey: 'review.slides.ranking', Component: RankingSlide });
registerSlide({ id: 'lagging', titleKey: 'review.slides.lagging', Component: LaggingSlide });
// SLOT: "komitmen vs realisasi". Realisasi is being built elsewhere; its feature registers its slide here, e.g.
//   registerSlide({ id: 'realisasi', titleKey: 'review.slides.realisasi', Component: RealisasiSlide }, { after: 'lagging' });
// Until then there is no such slide: no realisasi figure is shown or invented.
registerSlide({ id: 'metode', titleKey: 'review.slides.metode', Component: MetodeSlide });
