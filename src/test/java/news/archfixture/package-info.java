/**
 * Violations of each rule of {@code news.comments.ArchitectureTest}, in the shape of the service's packages, for
 * {@code ArchitectureRulesTest} to prove that each rule fails on one. Nothing here is a bean, a resource or an
 * entity Quarkus would pick up, and nothing else scans this package.
 */
package news.archfixture;
