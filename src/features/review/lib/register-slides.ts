import { registerSlide } from '../../../lib/slide-registry';
import { ComparisonSlide } from '../components/Comparison';
import { LaggingSlide, MetodeSlide, RankingSlide, SummarySlide } from '../components/Slides';

/** The built-in slides, in order. */
registerSlide({ id: 'summary', titleKey: 'review.slides.summary', Component: SummarySlide });
registerSlide({ id: 'ranking', titleKey: 'review.slides.ranking', Component: RankingSlide });
registerSlide({ id: 'lagging', titleKey: 'review.slides.lagging', Component: LaggingSlide });
registerSlide(
  { id: 'realisasi', titleKey: 'review.slides.realisasi', Component: ComparisonSlide },
  { after: 'lagging' },
);
registerSlide({ id: 'metode', titleKey: 'review.slides.metode', Component: MetodeSlide });
