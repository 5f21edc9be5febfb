package news.archfixture.comment;

import news.archfixture.FixtureEntity;

@FixtureEntity
public class Comment {
}
